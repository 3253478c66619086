// Jest runs the tests as CommonJS; the Markdown renderer (react-markdown and the unified packages under it) ships ES
// modules only. esbuild turns each of those files into CommonJS as jest loads it (jest.config.js lists them).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code } = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcefile: filename });
    return { code };
  },
};
