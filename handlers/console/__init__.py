"""The marketer console (`/console/`): server-rendered pages over the admin services (see app/web)."""
