/** The most own e-mail domains a tenant names (its settings' schema and the admin's editor both hold to it). */
export const MAX_OWN_DOMAINS = 50;
