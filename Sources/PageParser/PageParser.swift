// Placeholder: replaced as the PageParser module is built.
