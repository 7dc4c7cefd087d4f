// Test hook, loaded with `node --require` by test/hostile.test.ts only: the first write to a `.tmp`
// file puts half of its bytes on disk and never completes, so the test can interrupt the command
// line in the middle of writing its copy (and wait for that, not for a fixed delay).
'use strict';
const fs = require('fs');

let keepAlive;
function stall(stream, chunk) {
  if (typeof stream.path !== 'string' || !stream.path.endsWith('.tmp')) return false;
  const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
  fs.writeSync(stream.fd, bytes, 0, Math.max(1, bytes.length >> 1));
  keepAlive ??= setInterval(() => {}, 1000); // nothing else keeps the process waiting
  return true; // the callback is never called
}
const write = fs.WriteStream.prototype._write;
fs.WriteStream.prototype._write = function (chunk, encoding, callback) {
  if (stall(this, chunk)) return undefined;
  return write.call(this, chunk, encoding, callback);
};
const writev = fs.WriteStream.prototype._writev;
if (typeof writev === 'function') {
  fs.WriteStream.prototype._writev = function (chunks, callback) {
    if (stall(this, chunks[0].chunk)) return undefined;
    return writev.call(this, chunks, callback);
  };
}
