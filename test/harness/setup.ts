/**
 * Runs before every test file: no real network (only loopback, for the local sandbox), and
 * nock's HTTP patching undone after each file so files sharing a jest worker do not see each
 * other's interceptors.
 */
import nock from 'nock';

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterEach(() => {
	nock.cleanAll();
});

afterAll(() => {
	nock.cleanAll();
	nock.restore();
});
