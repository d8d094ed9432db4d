"""What authors wrote, read and checked: the text as received and its Markdown (front
matter, fidelity), the notes (their one schema, loading, one function per cross-check),
the content folder as a whole, and the coverage rule. Imports only the core."""
