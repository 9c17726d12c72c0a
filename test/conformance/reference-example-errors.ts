// The reference's JSON examples that are documentation errors, by test name
// (`file.md:line METHOD path status`), each with the evidence that the example,
// not the spec, is wrong (the official clients first: shared/reference/README.md).
export const DOCUMENTATION_ERRORS: Record<string, string> = {};
