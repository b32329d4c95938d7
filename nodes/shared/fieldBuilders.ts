import type { INodeProperties } from 'n8n-workflow';

/**
 * A field's `displayOptions.show`. Operation files build fields with their own `show`, not n8n's
 * updateDisplayOptions, which would only wrap the same object once more.
 */
export type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Return All and Limit for a "Get Many" operation; the paginator reads Limit as maxResults. */
export function returnAllAndLimit(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			// A count of results: a whole number (also what the APIs' page sizes take).
			typeOptions: { minValue: 1, vendorType: 'integer' },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
			// No maximum with Return All from an expression (n8n shows Limit then) or a Limit that
			// is no number (refused by the type checks; n8n would cut the item's error to nothing).
			routing: {
				output: {
					maxResults:
						'={{ String($parameter.returnAll).trim().toLowerCase() === "true" ? undefined : Number($value) || undefined }}',
				},
			},
		},
	];
}

export interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	/** listSearch method offering the values; without it the field is a plain ID input. */
	searchListMethod?: string;
	placeholder: string;
	show: Show;
}

/** A required ID that can be picked from a list or typed (or mapped with an expression). */
export function idLocator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: spec.searchListMethod ? 'list' : 'id', value: '' },
		description: spec.description,
		displayOptions: { show: spec.show },
		modes: [
			...(spec.searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: `Select…`,
							typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string' as const,
				placeholder: spec.placeholder,
			},
		],
	};
}

export interface CollectionOverrides {
	/** Parameter name when it is not `additionalFields`. */
	name?: string;
	description?: string;
}

/** The "Additional Fields" collection of an operation: optional fields added one by one. */
export function additionalFields(
	show: Show,
	options: INodeProperties['options'],
	overrides: CollectionOverrides = {},
): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: overrides.name ?? 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		...(overrides.description === undefined ? {} : { description: overrides.description }),
		options,
	};
}
