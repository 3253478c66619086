import type { Container, ItemDefinition } from '@azure/cosmos';

/** A document by id and partition, or null when there is none (a point read; any other failure is thrown). */
export async function readItem<T extends ItemDefinition>(container: Container, id: string, pk: string): Promise<T | null> {
  try {
    const { resource } = await container.item(id, pk).read<T>();
    return resource ?? null;
  } catch (error) {
    if ((error as { code?: unknown }).code === 404) return null;
    throw error;
  }
}
