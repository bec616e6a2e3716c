#!/bin/sh
# Prisma's CLI insists on locating a native schema engine before `prisma generate`, and would try to
# download one (impossible offline). Generation never runs it, so this placeholder satisfies the check.
# Migrations use the WebAssembly schema engine instead (scripts/db/*), see docs/adr/0002-offline-migrations.md.
echo "The native Prisma schema engine is not used in this project; use npm run db:migrate / db:check." >&2
exit 1
