/** The shape of an import kind's description, and the fields several kinds share. */

export interface FieldSpec {
  label: string;
  description: string;
  required?: boolean;
  oneOf?: string;
  /** Header names (lower case, punctuation-free) that mean this field, for the guessed mapping. */
  synonyms?: string[];
  /**
   * A field whose synonyms this one takes too, once that field has its column: the second of two phone
   * columns ("Mobiltelefon", "Telefon geschäftlich") is the other phone.
   */
  secondOf?: string;
}

export interface KindSpec {
  label: string;
  rules: string[];
  fields: Record<string, FieldSpec>;
}

/** The campaign a contact, deal or order came from. */
export const campaign: FieldSpec = {
  label: 'Campaign (tracking code)',
  description: 'utm_campaign value; unknown codes become draft campaigns',
  synonyms: ['utm campaign', 'campaign', 'tracking code'],
};

export const channel: FieldSpec = {
  label: 'Channel',
  description: 'social, email, web, ads, event, referral or other',
};
