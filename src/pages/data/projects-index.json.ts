import type {APIRoute} from 'astro';
import {compactProjects} from '../../lib/project-list.ts';

/** The compact project file the /projects/ filter loads (see src/lib/project-list.ts). */
export const GET: APIRoute = () => new Response(JSON.stringify(compactProjects()));
