import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { toItems } from '../../client';
import { actAsField, tagsField } from '../../exorLiveFields';
import { exorLiveOperation } from '../../exorLiveOperation';
import { planTemplateApplyDescription } from './apply';
import { planTemplateSearchDescription } from './search';

/** Plan template API v4: acts as the contact, like the Go client API. */
const plan = (path: string) => `/api4/client/plantemplate/${path}/4`;

export const planTemplateDescription: INodeProperties[] = [
	operationProperty('planTemplate', 'search', [
		exorLiveOperation({
			name: 'Apply',
			value: 'apply',
			action: 'Apply a plan template to a user',
			description: "Put a plan template's workouts into a user's plan from a start date",
			method: 'POST',
			path: plan('apply'),
			actAs: 'required',
			postReceive: [toItems({ applied: true })],
			places: { userId: { type: 'body', property: 'UserId' } },
		}),
		exorLiveOperation({
			name: 'Get All Tags',
			value: 'getAllTags',
			action: 'Get all plan template tags',
			description:
				'All tags used on plan templates. ExorLive names the answer but does not document its fields.',
			path: plan('getalltags'),
			actAs: 'required',
			postReceive: [toItems(null)],
		}),
		exorLiveOperation({
			name: 'Get by Tags',
			value: 'getByTags',
			action: 'Get plan templates by tags',
			description:
				'Plan templates carrying the given tags, one item each. ExorLive names the answer but does not document its fields.',
			path: plan('getplantemplatesbytag'),
			actAs: 'required',
			postReceive: [toItems(null)],
		}),
		exorLiveOperation({
			name: 'Search',
			value: 'search',
			action: 'Search plan templates',
			description:
				'Plan templates matching a search text, one item each (GetPlanTemplates). ExorLive names the answer but does not document its fields.',
			path: plan('getplantemplates'),
			actAs: 'required',
			// The documented call always carries ?query=, empty or not.
			request: { qs: { query: '' } },
			postReceive: [toItems(null)],
		}),
	]),
	actAsField(
		{ resource: ['planTemplate'], operation: ['getAllTags', 'search', 'getByTags', 'apply'] },
		true,
	),
	...planTemplateSearchDescription,
	tagsField({ resource: ['planTemplate'], operation: ['getByTags'] }),
	...planTemplateApplyDescription,
];
