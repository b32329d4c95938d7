
test('sign-in: Get Auth Key on the auth host, and the Partner JWT link approving a new organization', async () => {
	const key = await runNode({
		node: 'exorLive',
		credentials,
		parameters: {
			resource: 'signIn',
			operation: 'getAuthKey',
			userId: 600102,
			actAsUserId: String(CUSTOMER_ADMIN),
		},
	});
	expect(key.error).toBeUndefined();
	expect(key.items[0].json).toEqual({ authKey: expect.stringMatching(/^sbx-ak-/), userId: 600102 });
	const jwtCredentials = {
		exorLiveApi: {
			...credentials.exorLiveApi,
			jwtAlgorithm: 'HS256',
			jwtSharedSecret: 'sandbox-exorlive-jwt-shared-secret',
			jwtKid: 'sandbox-kid-1',
			jwtEndpoint: `${sandbox.urls.exorliveSso}/partner/payload`,
		},
	};
	const link = await runNode({
		node: 'exorLive',
		credentials: jwtCredentials,
		parameters: {
			resource: 'signIn',
			operation: 'createJwtLink',
			organizationId: 'jwt-agreement-org',
			organizationName: 'Agreement Clinic',
			employeeId: 'e-1',
			employeeFirstname: 'Erik',
			employeeLastname: 'Employee',
			contactId: 'c-1',
			contactFirstname: 'Cora',
			contactLastname: 'Contact',
			additionalFields: { contactSsn: '13116900216' },
		},
	});
	expect(link.error).toBeUndefined();
	expect(link.items[0].json.url).toMatch(/\/exorlive\/api\/app\/\?selectedPersonId=\d+#Workouts$/);
	const state = await exorlive();
	expect(state.orgs.some((o) => o.externalId === 'jwt-agreement-org')).toBe(true);
	const wrong = await runNode({
		node: 'exorLive',
		credentials: {
			exorLiveApi: { ...jwtCredentials.exorLiveApi, jwtSharedSecret: 'not-the-shared-secret' },
		},
		parameters: link.run.data.resultData.runData.Node[0].source ? {} : {},
	});
	expect(wrong).toBeDefined();
});
