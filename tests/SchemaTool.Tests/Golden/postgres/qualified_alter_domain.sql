-- alter domain billing.email
ALTER DOMAIN "billing"."email" SET NOT NULL;

