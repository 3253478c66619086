import type { Container, ItemDefinition } from '@azure/cosmos';

/** The HTTP status a failed Cosmos DB request carries (404, 409, 412…). */
export const statusOf = (error: unknown) => (error as { code?: unknown }).code;

/** A document by id and partition, or null when there is none (a point read; any other failure is thrown). */
export async function readItem<T extends ItemDefinition>(container: Container, id: string, pk: string): Promise<T | null> {
  try {
    const { resource } = await container.item(id, pk).read<T>();
    return resource ?? null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
