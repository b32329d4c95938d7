/**
 * What the editor shows a builder about ExorLive users: the explicit create/update choice of
 * Create or Update, the visible hint under Act As User ID, and role and gender codes named in
 * the output next to the numbers.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { loadPackage } from '../harness/engine';
import { describeExorLiveCases } from './suite';

const saved = { Id: 12345, Lastname: 'X', Role: 16, Gender: 0 };
const savedNamed = { ...saved, RoleName: 'Contact With Login', GenderName: 'Unknown' };

describeExorLiveCases('ExorLive User > Create or Update: create or update, chosen', [
	{
		title: 'Create a New User sends User ID 0, whatever a hidden User ID holds',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			mode: 'create',
			id: 55,
			additionalFields: { lastname: 'X' },
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/user/setuser',
				body: { Id: 0, Lastname: 'X' },
				reply: { body: saved },
			},
		],
		output: [savedNamed],
	},
	{
		title: 'Update a User sends the User ID',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			mode: 'update',
			id: 77,
			additionalFields: { lastname: 'X' },
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/user/setuser',
				body: { Id: 77, Lastname: 'X' },
				reply: { body: '' },
			},
		],
		output: [{ success: true, Id: 77 }],
	},
	{
		title: 'Update a User with User ID 0 is an input error; nothing is sent',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			mode: 'update',
			id: 0,
			additionalFields: { lastname: 'X' },
		},
		requests: [],
		error: { message: 'User ID: must be a positive whole number to update a user, not 0' },
	},
	{
		title: 'an unknown choice from an expression is an input error; nothing is sent',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			mode: '={{ "upsert" }}',
			id: 77,
		},
		requests: [],
		error: { message: 'Create or Update: "upsert" is not one of create, byUserId, update' },
	},
	{
		title: 'a saved workflow without the choice still updates by a non-zero User ID',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			id: 77,
			additionalFields: { lastname: 'X' },
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/user/setuser',
				body: { Id: 77, Lastname: 'X' },
				reply: { body: { ...saved, Id: 77 } },
			},
		],
		output: [{ ...savedNamed, Id: 77 }],
	},
]);

describeExorLiveCases('ExorLive user output: codes with their names', [
	{
		title: 'Lookup: each known Role and Gender gets its name; unknown or absent codes none',
		// Raw: Simplify would leave out Gender and its name.
		parameters: {
			resource: 'user',
			operation: 'lookup',
			type: 'name',
			text: 'Testson',
			simplify: false,
		},
		requests: [
			{
				method: 'GET',
				path: '/api4/user/lookupuser',
				query: { type: 'name', text: 'Testson' },
				reply: {
					body: [
						{ Id: 1, Role: 2, Gender: 2 },
						{ Id: 2, Role: 256 },
						{ Id: 3, Role: 999, Gender: 1 },
						{ Id: 4, Role: '8', Gender: null },
					],
				},
			},
		],
		output: [
			{ Id: 1, Role: 2, RoleName: 'Administrator', Gender: 2, GenderName: 'Female' },
			{ Id: 2, Role: 256, RoleName: 'Assistant' },
			{ Id: 3, Role: 999, Gender: 1, GenderName: 'Male' },
			{ Id: 4, Role: '8', RoleName: 'Instructor', Gender: null },
		],
	},
]);

describe('ExorLive fields in the editor', () => {
	let properties: INodeProperties[];
	beforeAll(async () => {
		const loader = await loadPackage();
		properties = (loader.getNode('exorLive').type as { description: INodeTypeDescription })
			.description.properties;
	});

	it('Act As User ID shows a hint under the field wherever it appears', () => {
		const actAs = properties.filter((property) => property.name === 'actAsUserId');
		expect(actAs.length).toBeGreaterThan(0);
		for (const field of actAs) expect(field.hint).toMatch(/\w{3}/);
	});

	it("the Trigger's Act As User ID shows its hint too", async () => {
		const loader = await loadPackage();
		const trigger = (
			loader.getNode('exorLiveTrigger').type as { description: INodeTypeDescription }
		).description;
		const actAs = trigger.properties.find((property) => property.name === 'actAsUserId');
		expect(actAs?.hint).toMatch(/own organization/);
	});

	it("the create/update choice defaults to today's behaviour; Create hides the User ID", () => {
		const createOrUpdate = { resource: ['user'], operation: ['createOrUpdate'] };
		const mode = properties.find(
			(property) =>
				property.name === 'mode' &&
				property.displayOptions?.show?.operation?.includes('createOrUpdate'),
		);
		expect(mode).toMatchObject({ default: 'byUserId', displayOptions: { show: createOrUpdate } });
		const id = properties.find(
			(property) =>
				property.name === 'id' &&
				property.displayOptions?.show?.operation?.includes('createOrUpdate'),
		);
		expect(id?.displayOptions?.show?.mode).toEqual(['byUserId', 'update']);
	});
});
