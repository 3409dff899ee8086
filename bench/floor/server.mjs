// The floor: a bare node:http + pg server that runs, for each home-feed request, exactly the SQL
// statements Ruche ran for the same person (recorded from the app by run.mjs just before: name
// when the app prepared it, text and values, in order, on one pooled connection, as the app's
// unit of work does), and answers with the page's rows as JSON. No framework, no auth, no
// validation, no mapping: what is left is the database's share. Ruche's feed divided by this floor
// says whether the SQL (ratio near 1) or the app (ratio well below 1) is the limit. Re-recorded on
// every run, it follows the app's feed as it changes: no copy of the feed's SQL to keep in step.
//
//   node bench/floor/server.mjs <recorded.json>   (started by run.mjs; tells its port over IPC)
//
// recorded.json: { databaseUrl, poolMax, viewers: [[{ name?, text, values }, ...], ...] }; GET /feed?v=<n>
// replays viewer n's statements.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

const recorded = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pool = new pg.Pool({ connectionString: recorded.databaseUrl, max: recorded.poolMax, application_name: 'ruche_bench_floor' });

const server = http.createServer(async (req, res) => {
  const viewer = Number(new URL(req.url, 'http://floor').searchParams.get('v'));
  const statements = recorded.viewers[viewer];
  if (!statements) {
    res.writeHead(404).end();
    return;
  }
  let client;
  try {
    client = await pool.connect();
    let page = [];
    for (const { name, text, values } of statements) {
      // The app's prepared statements are prepared here too (once per pooled connection, as there).
      const result = await client.query(name ? { name, text, values } : { text, values });
      if ((result.rows?.length ?? 0) > page.length) page = result.rows;
    }
    const body = JSON.stringify({ items: page });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error.message));
  } finally {
    client?.release();
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (message) => {
  if (message.cmd === 'close') server.close(() => void pool.end().then(() => process.exit(0)));
});
