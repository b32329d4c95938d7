import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import {
	inputError,
	isBlank,
	itemParameter,
	parseJson,
	requiredValue,
	toStringList,
} from '../../../shared/validation';
import { cleanGrants, validateGrants } from './grants';
import { additionalFields } from '../../../shared/fieldBuilders';

/** Create and Update send the same body: `{name, slug, grants}`. Update replaces the role whole. */
const show = { resource: ['partnerRole'], operation: ['create', 'update'] };

const effectOptions = [
	{ name: 'Allow', value: 'allow' },
	{ name: 'Deny', value: 'deny' },
];

/** Conditions of a grant or a dependency: the attribute must equal one of the values. */
const conditionsField: INodeProperties = {
	displayName: 'Conditions',
	name: 'conditions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Condition',
	default: {},
	description: 'Apply the grant only when an attribute equals one of the values',
	options: [
		{
			displayName: 'Condition',
			name: 'condition',
			values: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					type: 'string',
					default: '',
					placeholder: 'e.g. workflows.primary.task_name',
					description: 'Attribute path to check, in dot notation',
				},
				{
					displayName: 'Values',
					name: 'values',
					type: 'string',
					// Sent as `values`, an array of strings in epilot's spec.
					typeOptions: { vendorType: 'list' },
					default: '',
					placeholder: 'e.g. Review, Approve',
					description: 'Comma-separated values; the attribute must equal one of them',
				},
			],
		},
	],
};

const grantValues: INodeProperties[] = [
	{
		displayName: 'Action',
		name: 'action',
		type: 'string',
		default: '',
		placeholder: 'e.g. entity-read',
		description: 'The permission, e.g. entity-read, entity-create, entity-update, entity-delete',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'string',
		default: '',
		placeholder: 'e.g. entity:123:opportunity:*',
		description:
			'What the grant applies to: entity:&lt;org_id&gt;:&lt;schema&gt;:&lt;entity_id&gt;, * allowed',
	},
	{
		displayName: 'Effect',
		name: 'effect',
		type: 'options',
		options: effectOptions,
		default: 'allow',
		description: 'Whether this grant allows or denies the action',
	},
	conditionsField,
];

export const partnerRoleFieldsDescription: INodeProperties[] = [
	{
		displayName:
			'Update replaces the whole role: give the complete name, slug and list of grants, not just the changes',
		name: 'updateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['partnerRole'], operation: ['update'] } },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Partner Sales',
		description: 'Display name of the role',
		displayOptions: { show },
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. partner_sales',
		description:
			'Identifier of the role inside the organization: lowercase letters, digits and underscores, starting with a letter. The role ID becomes &lt;org_id&gt;:&lt;slug&gt;.',
		displayOptions: { show },
	},
	{
		displayName: 'Grants Input',
		name: 'grantsInputMode',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Build the grants with fields below' },
			{ name: 'JSON', value: 'json', description: 'Give the grants as a JSON array' },
		],
		default: 'fields',
		description: 'How to give the grants of the role',
		displayOptions: { show },
	},
	{
		displayName: 'Grants',
		name: 'grants',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Grant',
		default: {},
		description: 'What holders of the role may do',
		displayOptions: { show: { ...show, grantsInputMode: ['fields'] } },
		options: [
			{
				displayName: 'Grant',
				name: 'grant',
				values: [
					...grantValues,
					{
						displayName: 'Dependencies',
						name: 'dependencies',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Dependency',
						default: {},
						description: 'Further grants that epilot adds to the role together with this one',
						options: [{ displayName: 'Dependency', name: 'dependency', values: grantValues }],
					},
				],
			},
		],
	},
	additionalFields(
		{ resource: ['partnerRole'], operation: ['update'] },
		[
			{
				displayName: 'ID in Body',
				name: 'id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 123456:partner_sales',
				description:
					"The role's ID (&lt;org_id&gt;:&lt;slug&gt;) sent in the body as well, which epilot's spec allows; the Role field above already names the role to update",
			},
		],
		{ name: 'roleUpdateFields' },
	),
	{
		displayName: 'Grants (JSON)',
		name: 'grantsJson',
		type: 'json',
		// Sent as `grants`, an array of grant objects in epilot's spec.
		typeOptions: { vendorType: 'objectList' },
		default:
			'[\n  {\n    "action": "entity-read",\n    "resource": "entity:123:opportunity:*",\n    "effect": "allow"\n  }\n]',
		description:
			'Array of grants: {action, resource?, effect?: "allow"|"deny", conditions?: [{attribute, operation: "equals", values: [...]}], dependencies?: [grant]}',
		displayOptions: { show: { ...show, grantsInputMode: ['json'] } },
	},
];

const SLUG = /^[a-z][a-z0-9_]*$/;

type Entries<K extends string> = { [key in K]?: IDataObject[] };

/** A grant (or a dependency) from the form: action, resource, effect and its conditions. */
function grantFromFields(ctx: IExecuteSingleFunctions, entry: IDataObject): IDataObject {
	const conditions = ((entry.conditions as Entries<'condition'>)?.condition ?? []).map((c) => ({
		attribute: String(c.attribute ?? '').trim(),
		operation: 'equals',
		values: toStringList(ctx, 'Values', c.values),
	}));
	const dependencies = ((entry.dependencies as Entries<'dependency'>)?.dependency ?? []).map(
		(dependency) => grantFromFields(ctx, dependency),
	);
	return {
		action: entry.action,
		resource: entry.resource,
		effect: entry.effect,
		...(conditions.length ? { conditions } : {}),
		...(dependencies.length ? { dependencies } : {}),
	};
}

/** Builds `{name, slug, grants}` from the fields or the JSON, and checks it before sending. */
export async function buildRoleBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const name = String(requiredValue(this, 'name', 'Name')).trim();
	const slug = String(requiredValue(this, 'slug', 'Slug')).trim();
	if (!SLUG.test(slug)) {
		throw inputError(
			this,
			'Slug',
			`"${slug}" is not valid: use lowercase letters, digits and underscores, starting with a letter`,
		);
	}
	const mode = itemParameter(this, 'grantsInputMode', 'fields') as string;
	const label = mode === 'json' ? 'Grants (JSON)' : 'Grants';
	const raw =
		mode === 'json'
			? parseJson(this, itemParameter(this, 'grantsJson', '[]'), label)
			: ((itemParameter(this, 'grants', {}) as Entries<'grant'>).grant ?? []).map((grant) =>
					grantFromFields(this, grant),
				);
	const problem = validateGrants(raw);
	if (problem) throw inputError(this, label, problem);
	const body: IDataObject = { name, slug, grants: cleanGrants(raw as unknown[]) as IDataObject[] };
	if (itemParameter(this, 'operation') === 'update') {
		const { id } = itemParameter(this, 'roleUpdateFields', {}) as IDataObject;
		if (!isBlank(id)) body.id = roleIdValue(this, id);
	}
	return { ...options, body };
}

/** A role ID as epilot forms it: `<org_id>:<slug>`. */
function roleIdValue(ctx: IExecuteSingleFunctions, raw: unknown): string {
	const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!/^[^:\s]+:[a-z][a-z0-9_]*$/.test(text)) {
		throw inputError(
			ctx,
			'ID in Body',
			`${JSON.stringify(raw)} is not a role ID of the form <org_id>:<slug>, e.g. 123456:partner_sales`,
		);
	}
	return text;
}
