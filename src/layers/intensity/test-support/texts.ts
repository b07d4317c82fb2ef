/** A neutral wire report written for the intensity tests: violence reported in plain terms. */
export const WIRE_REPORT = `Two killed as storm hits northern coast

VARN, March 4 (Wire) - Two people were killed and about 40 injured when a storm struck the northern coast of Sylvania on Monday, the interior ministry said.

Winds of up to 120 km per hour brought down power lines and damaged roofs in three towns. Around 15,000 homes were without electricity on Monday evening, the national grid operator said.

Rescue teams evacuated 600 residents from low-lying areas near the river. The regional governor said schools would stay closed on Tuesday.

Freedonia's foreign ministry offered assistance. Sylvania's government said it would assess the damage before deciding whether to request aid.

Forecasters expect the storm to weaken as it moves inland overnight.`;
