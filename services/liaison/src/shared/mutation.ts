// Every liaison mutation takes the common path kept in @liaison/graphql-kit.
export { commandMetadata, decodeId, execute } from '@liaison/graphql-kit';
