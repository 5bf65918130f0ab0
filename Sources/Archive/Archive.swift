// Placeholder: replaced as the Archive module is built.
