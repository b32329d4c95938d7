/**
 * A loopback HTTP server that accepts every request and never answers: the upstream that hangs,
 * for tests of timeouts.
 */
// Plain CommonJS (typed by silent-server.d.ts): a server is test-only code that the package's
// lint rules rightly forbid in TypeScript sources.
const { createServer } = require('node:http');

async function startSilentServer() {
	const sockets = new Set();
	const server = createServer(() => {});
	server.on('connection', (socket) => sockets.add(socket));
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${server.address().port}`,
		async stop() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startSilentServer };
