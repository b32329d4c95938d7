import type { INodeProperties } from 'n8n-workflow';
import { ACT_AS, binaryField } from '../client';

/** Parameter names, stored in saved workflows: never rename. */
export const DOWNLOAD = 'downloadWorkouts';
export const MATCH_USER = 'matchUserAs';
export const ACKNOWLEDGE = 'acknowledge';
export const BINARY_PROPERTY = binaryField.name;
export const REPEAT_WINDOW = 'ignoreRepeatsWithin';

const whenDownloading = { show: { [DOWNLOAD]: [true] } };
const whenNotDownloading = { show: { [DOWNLOAD]: [false] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'ExorLive keeps ONE callback URL per organization. Activating this workflow (or listening for a test event) registers its URL and replaces any URL set before, by another workflow, n8n instance or system. Deactivating leaves the URL registered (ExorLive offers no way to remove it); n8n then refuses those calls and starts nothing. After testing in the editor, deactivate and activate the workflow again to register the production URL.',
		name: 'oneUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Act As User ID',
		name: ACT_AS,
		type: 'string',
		default: '',
		placeholder: 'e.g. 12345',
		hint: 'Empty: your own organization. For a customer organization, its admin user ID (from Request API Access).',
		description:
			"ExorLive user ID of the admin user of the customer organization whose events this trigger receives (from Request API Access). Empty: the credential's Admin User ID, i.e. your own organization.",
	},
	{
		displayName: 'Download Ready Workouts',
		name: DOWNLOAD,
		type: 'boolean',
		default: false,
		description:
			'Whether to fetch the workouts that are ready (Workout Exporter, scope New) with their PDFs when a workoutReady event arrives: one item per workout, with the PDF as binary data. No workout ready: the workflow does not start.',
	},
	{
		displayName: 'Ignore Repeats Within (Seconds)',
		name: REPEAT_WINDOW,
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 3600 },
		default: 60,
		description:
			'A call for the same event and user as one received less than this many seconds before starts no new execution (ExorLive, or anyone holding the URL, may send a call twice; the call carries nothing else to tell them apart). 0: every call starts the workflow.',
		displayOptions: whenNotDownloading,
	},
	{
		displayName: 'Workouts of the Event User',
		name: MATCH_USER,
		type: 'options',
		options: [
			{
				name: 'As Contact',
				value: 'contact',
				description: 'Workouts made for the user (contactId = the event user ID)',
			},
			{
				name: 'As Owner',
				value: 'owner',
				description: 'Workouts the user made as instructor (ownerId = the event user ID)',
			},
			{
				name: 'Whole Organization',
				value: 'organization',
				description: 'Every new workout of the organization, whoever the event names',
			},
		],
		default: 'contact',
		description: 'Which ready workouts belong to the user named by the event',
		displayOptions: whenDownloading,
	},
	{
		displayName: 'Acknowledge After Download',
		name: ACKNOWLEDGE,
		type: 'boolean',
		default: true,
		description:
			'Whether to acknowledge each workout once all PDFs are downloaded, so ExorLive does not deliver it again. Turn off to acknowledge at the end of the workflow instead (ExorLive › Workout Export › Acknowledge Workout).',
		displayOptions: whenDownloading,
	},
	{ ...binaryField, displayOptions: whenDownloading },
];
