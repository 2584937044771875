// swagger-ui-dist ships no types; only this helper is used (its index would load the browser bundle).
declare module 'swagger-ui-dist/absolute-path.js' {
  const getAbsoluteFSPath: () => string;
  export default getAbsoluteFSPath;
}
