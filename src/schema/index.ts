// The GraphQL schema: imports every domain file (each registers its types and root fields) and builds it once.
// Add a domain by importing its file here; nothing else needs to change.
import { GraphQLSchema, type GraphQLObjectType } from 'graphql';
import { builder } from './builder.ts';
import { openEnums } from './enums.ts';
import './scalars.ts';
import './errors.ts';
import './pagination.ts';
// Public market data
import './system.ts';
import './asset.ts';
import './market.ts';
import './ticker.ts';
import './depth.ts';
import './kline.ts';
import './trade.ts';
import './markPrice.ts';
import './borrowLendMarket.ts';
import './prediction.ts';
import './listing.ts';
import './vault.ts';
// The configured account (private, signed endpoints)
import './account.ts';
import './order.ts';
import './orderMutations.ts';
import './fill.ts';
import './capital.ts';
import './transfer.ts';
import './position.ts';
import './borrowLend.ts';
import './rfq.ts';
import './rfqMutations.ts';
import './strategy.ts';
import './vaultAccount.ts';
// Live data (subscriptions and streamStatus)
import './subscriptions/index.ts';

/** Root types are declared up front in builder.ts; one without fields yet would make the schema invalid. */
function withoutEmptyRoots(schema: GraphQLSchema): GraphQLSchema {
  const hasFields = (type: GraphQLObjectType | null | undefined) => !!type && Object.keys(type.getFields()).length > 0;
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    mutation: hasFields(config.mutation) ? config.mutation : null,
    subscription: hasFields(config.subscription) ? config.subscription : null,
    types: config.types.filter((type) => {
      if (type === config.mutation) return hasFields(config.mutation);
      if (type === config.subscription) return hasFields(config.subscription);
      return true;
    }),
  });
}

/** Built from the Pothos definitions, without the open-enum runtime behaviour (for printing SDL). */
export function buildSchema(): GraphQLSchema {
  return withoutEmptyRoots(builder.toSchema());
}

/** The executable schema the gateway serves. */
export const schema: GraphQLSchema = openEnums(buildSchema());
