-- Invites whose creator no longer exists could not satisfy the new foreign key (nothing deleted
-- users before, but a database edited by hand might have some): nobody can vouch for them.
DELETE FROM "Invite" WHERE "createdById" NOT IN (SELECT "id" FROM "User");

-- CreateIndex
CREATE INDEX "Invite_createdById_idx" ON "Invite"("createdById");

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
