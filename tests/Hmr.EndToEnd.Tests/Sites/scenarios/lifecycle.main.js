// Imports a self-accepting child and accepts itself; an edit later drops the import (the child is pruned).
import './lifecycle.child.js';

if (import.meta.hot) {
  import.meta.hot.accept();
}
