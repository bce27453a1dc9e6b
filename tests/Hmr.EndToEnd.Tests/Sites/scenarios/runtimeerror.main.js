// Self-accepting; its buttons raise the errors a page meets at run time.
document.getElementById('out').textContent = 'v1';
document.getElementById('throw').onclick = () => {
  throw new Error('clicked v1');
};
document.getElementById('reject').onclick = () => {
  Promise.reject(new Error('rejected v1'));
};
document.getElementById('loop').onclick = () => {
  const id = setInterval(() => { throw new Error('looping v1'); }, 1);
  setTimeout(() => clearInterval(id), 1500);
};
document.getElementById('string').onclick = () => {
  throw 'a plain string v1';
};

if (import.meta.hot) {
  import.meta.hot.accept(() => {
    if (window.failAccept) throw new Error('accept callback failed');
  });
}
