import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

export interface OffsetPaging {
	/** Where the offset and size go. */
	in: 'body' | 'qs';
	offsetField: string;
	sizeField: string;
	/** The largest page the API serves; Return All asks for this much per request. */
	maxPageSize: number;
	/** Property of the response holding the page's elements. */
	resultsField: string;
	/** Property of the response holding the total number of matches, if the API sends one. */
	totalField?: string;
}

/**
 * Offset paging of "Get Many" (Return All and Limit): asks for the largest page (or what Limit
 * still misses) until the total is reached or a page is short: ceil(N / page size) requests.
 */
export function offsetPaginator(paging: OffsetPaging) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const wanted = Number(requestData.maxResults) > 0 ? Number(requestData.maxResults) : Infinity;
		const target = (requestData.options[paging.in] ?? {}) as IDataObject;
		const results: INodeExecutionData[] = [];
		let offset = Number(target[paging.offsetField] ?? 0);
		for (;;) {
			const size = Math.min(paging.maxPageSize, wanted - results.length);
			const page = await this.makeRoutingRequest({
				...requestData,
				options: {
					...requestData.options,
					[paging.in]: { ...target, [paging.offsetField]: offset, [paging.sizeField]: size },
				},
			});
			const body = (page[0]?.json ?? {}) as IDataObject;
			const elements = Array.isArray(body[paging.resultsField])
				? (body[paging.resultsField] as IDataObject[])
				: [];
			results.push(...elements.map((json) => ({ json })));
			offset += elements.length;
			const total = paging.totalField ? Number(body[paging.totalField]) : NaN;
			if (elements.length < size || results.length >= wanted || offset >= total) break;
		}
		return results;
	};
}
