import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { checkedValue } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['planTemplate'], operation: ['search'] };

/** The documented call always carries `?query=`, empty or not (the operation sends it empty). */
async function sendSearchText(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const text = checkedValue(this, searchText);
	return text === undefined ? options : { ...options, qs: { ...options.qs, query: text } };
}

const searchText: INodeProperties = {
	displayName: 'Search Text',
	name: 'query',
	type: 'string',
	default: '',
	description: 'Leave empty to list all',
	routing: { send: { preSend: [sendSearchText] } },
};

export const planTemplateSearchDescription: INodeProperties[] = [
	additionalFields(show, [searchText]),
];
