/** What the ExorLive node does; the trigger's description repeats it (see ExorLiveTrigger). */
export const EXORLIVE_DESCRIPTION =
	'Work with ExorLive as a partner: get customer organizations, look up and create users, invite contacts to ExorLive Go, sign users in, export workouts';
