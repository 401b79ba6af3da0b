import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

// antd-mobile 5 mounts Toast, Dialog and popups with ReactDOM.render, which React 19 removed;
// this hands it createRoot instead (https://mobile.ant.design/guide/v5-for-19). Importing this
// module once, before any of those components open, is enough.
const roots = new WeakMap<Element | DocumentFragment, Root>();

unstableSetRender((node, container) => {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(node);
  const mounted = root;
  return async () => {
    // Unmounting synchronously inside React's own commit would warn; the next tick is safe.
    await new Promise((resolve) => setTimeout(resolve, 0));
    mounted.unmount();
    roots.delete(container);
  };
});
