export const footerText = `Page loaded at ${new Date().toLocaleTimeString()}.`;
