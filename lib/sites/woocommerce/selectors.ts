/**
 * Every piece of WooCommerce admin DOM knowledge in one place, each entry from
 * storefront-admin-selectors.json "woocommerce_order_edit".structure (facts from
 * class-wc-meta-box-order-data.php), tested against tests/fixtures/pages/woocommerce/ with
 * expected counts in tests/lib/sites/woocommerce/finder.test.ts.
 */
export const SELECTOR = {
  /** "order panel": present only on an order edit page (post.php also edits posts and pages). */
  orderPanel: '#order_data.woocommerce-order-data, #order_data',
  /** "heading text '<Order type> #<number> details'". */
  heading: 'h2.woocommerce-order-data__heading',
  /** "registered customer picker; selected option text is '<first> <last> (#<user id> – <email>)'". */
  customerOption: 'select#customer_user option[selected], select#customer_user option:checked',
  /** "billing column read-only view; email rendered as a mailto link". */
  billingMailto: '.order_data_column .address a[href^="mailto:" i]',
  /** "billing edit form fields (hidden until 'Edit' is clicked); id = '_billing_' + key". */
  billingEmail: '#_billing_email',
  billingFirstName: '#_billing_first_name',
  billingLastName: '#_billing_last_name',
} as const;

/** The picker's option text: "Maria Jensen (#12 – maria@example.com)" (en dash; a hyphen in some translations). */
export const CUSTOMER_OPTION = /^(.*?)\s*\(#\d+\s*[–—-]\s*([^)]+)\)\s*$/;
