// Placeholder: replaced as the Analysis module is built.
