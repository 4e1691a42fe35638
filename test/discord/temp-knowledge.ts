/**
 * Tiny knowledge folders in the OS temp folder, for tests that load or change knowledge.
 */
export { writeKnowledge, removeScratch as removeKnowledge } from '../helpers/knowledge.js';

/** Bees: two sections, four passages. */
export const BEES = '---\ntitle: Bees\nsource: https://example.org/bees\nlicense: CC0\n---\n# Bees\n\nHoneybees dance to show where flowers are.\n\n## Hives\n\nA hive holds one queen.\n\nWorkers build the comb from wax.\n\n## Swarms\n\nA swarm leaves with the old queen.\n';
