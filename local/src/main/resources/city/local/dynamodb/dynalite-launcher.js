// Started by the Java twin (city.local.dynamodb.Dynalite) as `node -e <this> <dynaliteDir> <host> [dataDir]`.
// Listens on a free port chosen by the OS and prints it, so no port can be taken between choosing and binding.
// Exits when the twin closes our stdin, or when the twin's JVM dies (stdin reaches end): never an orphan.
// Ignores SIGINT: Ctrl-C reaches the whole process group, and the twin must drain its handlers before
// DynamoDB goes away; the twin stops us afterwards.
const path = require('path');
const [dynaliteDir, host, dataDir] = process.argv.slice(1);
const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
if (dataDir) options.path = dataDir;
const server = require(path.join(dynaliteDir, 'index.js'))(options);
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 5000).unref();
  if (server.closeAllConnections) server.closeAllConnections();
  server.close(() => process.exit(0));
}
server.on('error', (e) => { console.error('dynalite failed: ' + e.message); process.exit(1); });
server.listen(0, host, () => console.log('dynalite listening on port ' + server.address().port));
process.stdin.on('end', stop).on('error', stop).on('close', stop).resume();
process.on('SIGINT', () => {});
process.on('SIGTERM', stop);
