import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { GENDER_OPTIONS, ROLE_OPTIONS } from '../../fieldSpecs';

/** Coded members of a user record, named from the same choices the input fields offer. */
const CODED: Array<{ code: string; name: string; options: INodePropertyOptions[] }> = [
	{ code: 'Role', name: 'RoleName', options: ROLE_OPTIONS },
	{ code: 'Gender', name: 'GenderName', options: GENDER_OPTIONS },
];

/** The user record with each known code's name right after it (`Role: 16, RoleName: 'Contact With Login'`). */
export function withCodeNames(user: IDataObject): IDataObject {
	const named: IDataObject = {};
	for (const [key, value] of Object.entries(user)) {
		named[key] = value;
		const coded = CODED.find(({ code }) => code === key);
		if (!coded || value === null || value === '' || typeof value === 'object') continue;
		const option = coded.options.find((choice) => choice.value === Number(value));
		if (option) named[coded.name] = option.name;
	}
	return named;
}
