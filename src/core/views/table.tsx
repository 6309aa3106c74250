import type { PropsWithChildren } from "@kitajs/html";

/**
 * A KERN data table: scrolls sideways on small screens, a caption for screen readers, column headers; the
 * rows come as children (`<tr class="kern-table__row">` with `kern-table__cell` cells).
 */
export function DataTable(props: PropsWithChildren<{ caption: string; headers: string[] }>): JSX.Element {
  return (
    <div class="kern-table-responsive">
      <table class="kern-table">
        <caption class="kern-sr-only" safe>
          {props.caption}
        </caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            {props.headers.map((label) => (
              <th scope="col" class="kern-table__header" safe>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">{props.children}</tbody>
      </table>
    </div>
  );
}

/** Cells of plain text, one per value, in a DataTable row (escaped like every value). */
export function TextCells(props: { values: readonly string[] }): JSX.Element {
  return (
    <>
      {props.values.map((value) => (
        <td class="kern-table__cell" safe>
          {value}
        </td>
      ))}
    </>
  );
}
