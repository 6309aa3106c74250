import type { MailContent } from "#core/mail/index.ts";
import type { Letterhead } from "#core/pdf/index.ts";
import type { Tenant } from "./tenants.service.ts";

/** The municipality as the issuer of documents (receipts, notices): name, address, contact, colour. */
export function tenantLetterhead(tenant: Tenant): Letterhead {
  const { address, contact } = tenant;
  return {
    officialName: tenant.officialName,
    addressLines: [address.street, `${address.postalCode} ${address.city}`.trim()].filter(Boolean),
    contactLines: [contact.phone && `Telefon ${contact.phone}`, contact.email, contact.website].filter(
      Boolean,
    ),
    colour: tenant.colour,
  };
}

/** The municipality as the sender above and below its mails. */
export function tenantMailSender(tenant: Tenant): NonNullable<MailContent["municipality"]> {
  return { officialName: tenant.officialName, addressLines: tenantLetterhead(tenant).addressLines.slice() };
}
