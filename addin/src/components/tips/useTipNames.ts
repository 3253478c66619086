import { useOperation, useRecordList } from '../../data/queries';

/** The names tips are tagged with: the pipeline's stages and the catalog's products (read once for the pane, as deals read them). */
export function useTipNames() {
  const pipeline = useOperation('pipeline', {});
  const products = useRecordList('product', { limit: 100 });
  const stages = pipeline.data?.stages ?? [];
  const catalog = products.data?.items ?? [];
  return {
    stages,
    products: catalog,
    stageName: (id: string) => stages.find((stage) => stage.id === id)?.name ?? id,
    productName: (id: string) => catalog.find((product) => product.id === id)?.name ?? id,
  };
}
