/** Vite's `?raw` imports of markdown files: the file's text. */
declare module '*.md?raw' {
  const text: string
  export default text
}
