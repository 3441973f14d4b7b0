// Every casework mutation takes the common path kept in @liaison/graphql-kit.
export { commandMetadata, decodeId, execute, refused, resultOf } from '@liaison/graphql-kit';
