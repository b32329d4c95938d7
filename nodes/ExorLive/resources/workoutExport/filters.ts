import type { FieldSpec } from '../../fieldSpecs';

const filter = (name: string, label: string, description: string): FieldSpec => ({
	name,
	label,
	type: 'number',
	send: { in: 'query', property: name },
	description,
});

/** Filters of GetAvailableWorkouts and GetAvailableWorkoutIds. */
export const workoutFilters: FieldSpec[] = [
	{
		name: 'scope',
		label: 'Scope',
		type: 'options',
		required: true,
		options: [
			{ name: 'New', value: 'new', description: 'Workouts not yet acknowledged' },
			{ name: 'All', value: 'all' },
		],
		default: 'new',
		send: { in: 'query', property: 'scope' },
	},
	filter('ownerId', 'Owner ID', 'Only workouts of this instructor. Default: all.'),
	filter('contactId', 'Contact ID', 'Only workouts for this contact. Default: all.'),
	filter('departmentId', 'Department ID', 'Only this department. Default: the whole organization.'),
];
