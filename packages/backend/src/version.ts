/** The backend's version, reported by `GET /health`. A test keeps it equal to package.json's. */
export const BACKEND_VERSION = '0.1.0';
