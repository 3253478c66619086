// The baseline for the throughput ratio: node:http answering a fixed JSON body, nothing else.
const http = require('node:http');

const body = process.env.BARE_BODY ?? '{}';
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
