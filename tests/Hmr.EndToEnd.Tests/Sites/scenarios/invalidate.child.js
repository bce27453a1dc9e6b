export const value = 'child one';

if (import.meta.hot) {
  import.meta.hot.accept(() => {
    document.body.dataset.childAcceptRan = 'yes';
    import.meta.hot.invalidate('child cannot apply this itself');
  });
}
