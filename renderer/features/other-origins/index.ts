export { OtherOrigins } from './OtherOrigins';
