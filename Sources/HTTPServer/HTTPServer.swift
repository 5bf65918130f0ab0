// Placeholder: replaced as the HTTPServer module is built.
