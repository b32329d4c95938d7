import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The node's canvas subtitle, e.g. "User: Create or Update": display names looked up from the
 * node's own Resource and Operation options. n8n evaluates `subtitle` as an expression, so the
 * lookup table is written into it; internal values show only for a pair the table lacks.
 */
export function readableSubtitle(properties: INodeProperties[]): string {
	const resource = properties.find((property) => property.name === 'resource');
	const labels: Record<string, string> = {};
	for (const { name, value } of (resource?.options ?? []) as INodePropertyOptions[]) {
		for (const property of properties) {
			if (property.name !== 'operation' || !property.displayOptions?.show?.resource) continue;
			if (!property.displayOptions.show.resource.includes(value)) continue;
			for (const operation of (property.options ?? []) as INodePropertyOptions[]) {
				labels[`${String(value)}:${String(operation.value)}`] = `${name}: ${operation.name}`;
			}
		}
	}
	// A flat object literal: nested braces would put "}}" inside n8n's {{ }} template.
	const table = JSON.stringify(labels);
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	return `={{ (${table})[${key}] ?? $parameter["operation"] + ": " + $parameter["resource"] }}`;
}
