import type * as Types from './types.js';
import type { Customer, Product, SalesOrder, Warehouse } from './types.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IAuditEntry as IAuditEntryModel } from '@rapport/subgraph-kit';
import type { CountImportResult as CountImportResultModel, StockCountRow as StockCountRowModel, StockCountLineRow as StockCountLineRowModel } from '../modules/count/count.service.js';
import type { ExpectedReceiptRow as ExpectedReceiptRowModel, ReceiptSettingsRow as ReceiptSettingsRowModel } from '../modules/receipt/receipt.service.js';
import type { LoanRow as LoanRowModel } from '../modules/loan/loan.service.js';
import type { OrderLineStockRow as OrderLineStockRowModel } from '../modules/reservation/reservation.service.js';
import type { IProduct as IProductModel } from '../modules/product/product.entity.js';
import type { ProductPictureRow as ProductPictureRowModel } from '../modules/product/product-picture.js';
import type { IReceipt as IReceiptModel, IReceiptLine as IReceiptLineModel } from '../modules/receipt/receipt.entity.js';
import type { IShipment as IShipmentModel, IShipmentLine as IShipmentLineModel } from '../modules/shipment/shipment.entity.js';
import type { CustomerReturnRow as CustomerReturnRowModel } from '../modules/customer-return/customer-return.service.js';
import type { ICustomerReturnLine as ICustomerReturnLineModel } from '../modules/customer-return/customer-return.entity.js';
import type { ISupplierReturn as ISupplierReturnModel, ISupplierReturnLine as ISupplierReturnLineModel } from '../modules/supplier-return/supplier-return.entity.js';
import type { StockMovementRow as StockMovementRowModel, SlowMoverRow as SlowMoverRowModel, UndeliveredLineRow as UndeliveredLineRowModel, OutboundGroupRow as OutboundGroupRowModel } from '../modules/analysis/analysis.service.js';
import type { IStockAlarm as IStockAlarmModel, IStockMove as IStockMoveModel } from '../modules/stock/stock.entity.js';
import type { StockMismatch as StockMismatchModel } from '../modules/stock/stock-ledger.js';
import type { StockLevelRow as StockLevelRowModel } from '../modules/stock/stock.service.js';
import type { TransferRow as TransferRowModel } from '../modules/transfer/transfer.service.js';
import type { ITransferLine as ITransferLineModel } from '../modules/transfer/transfer.entity.js';
import type { IWarehouse as IWarehouseModel } from '../modules/warehouse/warehouse.entity.js';
import type { Context } from '../context.js';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };


export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Types.Maybe<T> extends T ? Types.Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<unknown, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, unknown, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: never[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Types.Maybe<TTypes> | Promise<Types.Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Product: Product;
  SalesOrder: SalesOrder;
  Warehouse: Warehouse;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  SalesOrder:
    ( { __typename: 'SalesOrder' }
    & GraphQLRecursivePick<FederationTypes['SalesOrder'], {"id":true}> );
  Warehouse:
    ( { __typename: 'Warehouse' }
    & GraphQLRecursivePick<FederationTypes['Warehouse'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AdjustStockInput: Types.AdjustStockInput;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  AuditAction: Types.AuditAction;
  AuditEntry: ResolverTypeWrapper<IAuditEntryModel>;
  ConvertLoanInput: Types.ConvertLoanInput;
  CountImportResult: ResolverTypeWrapper<CountImportResultModel>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  CountImportRowError: ResolverTypeWrapper<Types.CountImportRowError>;
  CountedQuantityInput: Types.CountedQuantityInput;
  CreateProductInput: Types.CreateProductInput;
  CreateStockCountInput: Types.CreateStockCountInput;
  CreateWarehouseInput: Types.CreateWarehouseInput;
  Customer: ResolverTypeWrapper<Types.Customer>;
  CustomerReturn: ResolverTypeWrapper<CustomerReturnRowModel>;
  CustomerReturnLine: ResolverTypeWrapper<ICustomerReturnLineModel>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<Types.DeadLetter>;
  Delivery: ResolverTypeWrapper<Omit<Types.Delivery, 'shipments'> & { shipments: Array<ResolversTypes['Shipment']> }>;
  DeliveryStatus: Types.DeliveryStatus;
  EnterCountedQuantitiesInput: Types.EnterCountedQuantitiesInput;
  EventBusStatus: ResolverTypeWrapper<Types.EventBusStatus>;
  EventConsumerStatus: ResolverTypeWrapper<Types.EventConsumerStatus>;
  EventFailureKind: Types.EventFailureKind;
  ExistingProductHandling: Types.ExistingProductHandling;
  ExpectedReceipt: ResolverTypeWrapper<ExpectedReceiptRowModel>;
  ExpectedReceiptConnection: ResolverTypeWrapper<Omit<Types.ExpectedReceiptConnection, 'edges'> & { edges: Array<ResolversTypes['ExpectedReceiptEdge']> }>;
  ExpectedReceiptEdge: ResolverTypeWrapper<Omit<Types.ExpectedReceiptEdge, 'node'> & { node: ResolversTypes['ExpectedReceipt'] }>;
  ExpectedReceiptFilter: Types.ExpectedReceiptFilter;
  FieldChange: ResolverTypeWrapper<Types.FieldChange>;
  ImportCountedQuantitiesInput: Types.ImportCountedQuantitiesInput;
  ImportMode: Types.ImportMode;
  ImportProductsInput: Types.ImportProductsInput;
  LendStockInput: Types.LendStockInput;
  Loan: ResolverTypeWrapper<LoanRowModel>;
  LoanConnection: ResolverTypeWrapper<Omit<Types.LoanConnection, 'edges'> & { edges: Array<ResolversTypes['LoanEdge']> }>;
  LoanEdge: ResolverTypeWrapper<Omit<Types.LoanEdge, 'node'> & { node: ResolversTypes['Loan'] }>;
  LoanFilter: Types.LoanFilter;
  LoanKind: Types.LoanKind;
  LoanState: Types.LoanState;
  Money: ResolverTypeWrapper<Types.Money>;
  MoneyInput: Types.MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderLineStock: ResolverTypeWrapper<OrderLineStockRowModel>;
  OutboundGroup: ResolverTypeWrapper<OutboundGroupRowModel>;
  OutboundGrouping: Types.OutboundGrouping;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  PlanShipmentInput: Types.PlanShipmentInput;
  Product: ResolverTypeWrapper<IProductModel>;
  ProductConnection: ResolverTypeWrapper<Omit<Types.ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<Types.ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductFilter: Types.ProductFilter;
  ProductImportFormat: Types.ProductImportFormat;
  ProductImportReport: ResolverTypeWrapper<Types.ProductImportReport>;
  ProductImportRowError: ResolverTypeWrapper<Types.ProductImportRowError>;
  ProductPicture: ResolverTypeWrapper<ProductPictureRowModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Receipt: ResolverTypeWrapper<IReceiptModel>;
  ReceiptConnection: ResolverTypeWrapper<Omit<Types.ReceiptConnection, 'edges'> & { edges: Array<ResolversTypes['ReceiptEdge']> }>;
  ReceiptEdge: ResolverTypeWrapper<Omit<Types.ReceiptEdge, 'node'> & { node: ResolversTypes['Receipt'] }>;
  ReceiptFilter: Types.ReceiptFilter;
  ReceiptLine: ResolverTypeWrapper<IReceiptLineModel>;
  ReceiptSettings: ResolverTypeWrapper<ReceiptSettingsRowModel>;
  ReceiveGoodsInput: Types.ReceiveGoodsInput;
  ReceiveGoodsLineInput: Types.ReceiveGoodsLineInput;
  ReceiveReturnInput: Types.ReceiveReturnInput;
  ReceiveStockInput: Types.ReceiveStockInput;
  ReceiveTransferInput: Types.ReceiveTransferInput;
  ReturnCondition: Types.ReturnCondition;
  ReturnLineInput: Types.ReturnLineInput;
  ReturnToSupplierInput: Types.ReturnToSupplierInput;
  ReturnToSupplierLineInput: Types.ReturnToSupplierLineInput;
  SalesOrder: ResolverTypeWrapper<{ id: string }>;
  SetStockRuleInput: Types.SetStockRuleInput;
  SettleLoanInput: Types.SettleLoanInput;
  Shipment: ResolverTypeWrapper<IShipmentModel>;
  ShipmentConnection: ResolverTypeWrapper<Omit<Types.ShipmentConnection, 'edges'> & { edges: Array<ResolversTypes['ShipmentEdge']> }>;
  ShipmentEdge: ResolverTypeWrapper<Omit<Types.ShipmentEdge, 'node'> & { node: ResolversTypes['Shipment'] }>;
  ShipmentFilter: Types.ShipmentFilter;
  ShipmentLine: ResolverTypeWrapper<IShipmentLineModel>;
  ShipmentLineInput: Types.ShipmentLineInput;
  ShipmentStatus: Types.ShipmentStatus;
  SlowMover: ResolverTypeWrapper<SlowMoverRowModel>;
  StockAlarm: ResolverTypeWrapper<IStockAlarmModel>;
  StockAlarmConnection: ResolverTypeWrapper<Omit<Types.StockAlarmConnection, 'edges'> & { edges: Array<ResolversTypes['StockAlarmEdge']> }>;
  StockAlarmEdge: ResolverTypeWrapper<Omit<Types.StockAlarmEdge, 'node'> & { node: ResolversTypes['StockAlarm'] }>;
  StockAlarmFilter: Types.StockAlarmFilter;
  StockCount: ResolverTypeWrapper<StockCountRowModel>;
  StockCountConnection: ResolverTypeWrapper<Omit<Types.StockCountConnection, 'edges'> & { edges: Array<ResolversTypes['StockCountEdge']> }>;
  StockCountEdge: ResolverTypeWrapper<Omit<Types.StockCountEdge, 'node'> & { node: ResolversTypes['StockCount'] }>;
  StockCountFilter: Types.StockCountFilter;
  StockCountLine: ResolverTypeWrapper<StockCountLineRowModel>;
  StockCountState: Types.StockCountState;
  StockLedgerMismatch: ResolverTypeWrapper<StockMismatchModel>;
  StockLevel: ResolverTypeWrapper<StockLevelRowModel>;
  StockLevelConnection: ResolverTypeWrapper<Omit<Types.StockLevelConnection, 'edges'> & { edges: Array<ResolversTypes['StockLevelEdge']> }>;
  StockLevelEdge: ResolverTypeWrapper<Omit<Types.StockLevelEdge, 'node'> & { node: ResolversTypes['StockLevel'] }>;
  StockLevelFilter: Types.StockLevelFilter;
  StockMove: ResolverTypeWrapper<IStockMoveModel>;
  StockMoveConnection: ResolverTypeWrapper<Omit<Types.StockMoveConnection, 'edges'> & { edges: Array<ResolversTypes['StockMoveEdge']> }>;
  StockMoveEdge: ResolverTypeWrapper<Omit<Types.StockMoveEdge, 'node'> & { node: ResolversTypes['StockMove'] }>;
  StockMoveFilter: Types.StockMoveFilter;
  StockMoveKind: Types.StockMoveKind;
  StockMovementSummary: ResolverTypeWrapper<StockMovementRowModel>;
  StockReservation: ResolverTypeWrapper<{ warehouseId: string; quantity: string }>;
  SupplierReturn: ResolverTypeWrapper<ISupplierReturnModel>;
  SupplierReturnLine: ResolverTypeWrapper<ISupplierReturnLineModel>;
  TopicLag: ResolverTypeWrapper<Types.TopicLag>;
  Transfer: ResolverTypeWrapper<TransferRowModel>;
  TransferConnection: ResolverTypeWrapper<Omit<Types.TransferConnection, 'edges'> & { edges: Array<ResolversTypes['TransferEdge']> }>;
  TransferEdge: ResolverTypeWrapper<Omit<Types.TransferEdge, 'node'> & { node: ResolversTypes['Transfer'] }>;
  TransferFilter: Types.TransferFilter;
  TransferLine: ResolverTypeWrapper<ITransferLineModel>;
  TransferLineInput: Types.TransferLineInput;
  TransferState: Types.TransferState;
  TransferStockInput: Types.TransferStockInput;
  UndeliveredOrderLine: ResolverTypeWrapper<UndeliveredLineRowModel>;
  UndeliveredOrderLineConnection: ResolverTypeWrapper<Omit<Types.UndeliveredOrderLineConnection, 'edges'> & { edges: Array<ResolversTypes['UndeliveredOrderLineEdge']> }>;
  UndeliveredOrderLineEdge: ResolverTypeWrapper<Omit<Types.UndeliveredOrderLineEdge, 'node'> & { node: ResolversTypes['UndeliveredOrderLine'] }>;
  UndeliveredOrderLineFilter: Types.UndeliveredOrderLineFilter;
  UpdateProductInput: Types.UpdateProductInput;
  UpdateWarehouseInput: Types.UpdateWarehouseInput;
  Warehouse: ResolverTypeWrapper<IWarehouseModel>;
  WarehouseConnection: ResolverTypeWrapper<Omit<Types.WarehouseConnection, 'edges'> & { edges: Array<ResolversTypes['WarehouseEdge']> }>;
  WarehouseEdge: ResolverTypeWrapper<Omit<Types.WarehouseEdge, 'node'> & { node: ResolversTypes['Warehouse'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdjustStockInput: Types.AdjustStockInput;
  ID: Types.Scalars['ID']['output'];
  String: Types.Scalars['String']['output'];
  AuditEntry: IAuditEntryModel;
  ConvertLoanInput: Types.ConvertLoanInput;
  CountImportResult: CountImportResultModel;
  Boolean: Types.Scalars['Boolean']['output'];
  Int: Types.Scalars['Int']['output'];
  CountImportRowError: Types.CountImportRowError;
  CountedQuantityInput: Types.CountedQuantityInput;
  CreateProductInput: Types.CreateProductInput;
  CreateStockCountInput: Types.CreateStockCountInput;
  CreateWarehouseInput: Types.CreateWarehouseInput;
  Customer: Types.Customer;
  CustomerReturn: CustomerReturnRowModel;
  CustomerReturnLine: ICustomerReturnLineModel;
  DateTime: Types.Scalars['DateTime']['output'];
  DeadLetter: Types.DeadLetter;
  Delivery: Omit<Types.Delivery, 'shipments'> & { shipments: Array<ResolversParentTypes['Shipment']> };
  EnterCountedQuantitiesInput: Types.EnterCountedQuantitiesInput;
  EventBusStatus: Types.EventBusStatus;
  EventConsumerStatus: Types.EventConsumerStatus;
  ExpectedReceipt: ExpectedReceiptRowModel;
  ExpectedReceiptConnection: Omit<Types.ExpectedReceiptConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExpectedReceiptEdge']> };
  ExpectedReceiptEdge: Omit<Types.ExpectedReceiptEdge, 'node'> & { node: ResolversParentTypes['ExpectedReceipt'] };
  ExpectedReceiptFilter: Types.ExpectedReceiptFilter;
  FieldChange: Types.FieldChange;
  ImportCountedQuantitiesInput: Types.ImportCountedQuantitiesInput;
  ImportProductsInput: Types.ImportProductsInput;
  LendStockInput: Types.LendStockInput;
  Loan: LoanRowModel;
  LoanConnection: Omit<Types.LoanConnection, 'edges'> & { edges: Array<ResolversParentTypes['LoanEdge']> };
  LoanEdge: Omit<Types.LoanEdge, 'node'> & { node: ResolversParentTypes['Loan'] };
  LoanFilter: Types.LoanFilter;
  Money: Types.Money;
  MoneyInput: Types.MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OrderLineStock: OrderLineStockRowModel;
  OutboundGroup: OutboundGroupRowModel;
  PageInfo: Types.PageInfo;
  PlanShipmentInput: Types.PlanShipmentInput;
  Product: IProductModel;
  ProductConnection: Omit<Types.ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<Types.ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductFilter: Types.ProductFilter;
  ProductImportReport: Types.ProductImportReport;
  ProductImportRowError: Types.ProductImportRowError;
  ProductPicture: ProductPictureRowModel;
  Query: Record<PropertyKey, never>;
  Receipt: IReceiptModel;
  ReceiptConnection: Omit<Types.ReceiptConnection, 'edges'> & { edges: Array<ResolversParentTypes['ReceiptEdge']> };
  ReceiptEdge: Omit<Types.ReceiptEdge, 'node'> & { node: ResolversParentTypes['Receipt'] };
  ReceiptFilter: Types.ReceiptFilter;
  ReceiptLine: IReceiptLineModel;
  ReceiptSettings: ReceiptSettingsRowModel;
  ReceiveGoodsInput: Types.ReceiveGoodsInput;
  ReceiveGoodsLineInput: Types.ReceiveGoodsLineInput;
  ReceiveReturnInput: Types.ReceiveReturnInput;
  ReceiveStockInput: Types.ReceiveStockInput;
  ReceiveTransferInput: Types.ReceiveTransferInput;
  ReturnLineInput: Types.ReturnLineInput;
  ReturnToSupplierInput: Types.ReturnToSupplierInput;
  ReturnToSupplierLineInput: Types.ReturnToSupplierLineInput;
  SalesOrder: { id: string };
  SetStockRuleInput: Types.SetStockRuleInput;
  SettleLoanInput: Types.SettleLoanInput;
  Shipment: IShipmentModel;
  ShipmentConnection: Omit<Types.ShipmentConnection, 'edges'> & { edges: Array<ResolversParentTypes['ShipmentEdge']> };
  ShipmentEdge: Omit<Types.ShipmentEdge, 'node'> & { node: ResolversParentTypes['Shipment'] };
  ShipmentFilter: Types.ShipmentFilter;
  ShipmentLine: IShipmentLineModel;
  ShipmentLineInput: Types.ShipmentLineInput;
  SlowMover: SlowMoverRowModel;
  StockAlarm: IStockAlarmModel;
  StockAlarmConnection: Omit<Types.StockAlarmConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockAlarmEdge']> };
  StockAlarmEdge: Omit<Types.StockAlarmEdge, 'node'> & { node: ResolversParentTypes['StockAlarm'] };
  StockAlarmFilter: Types.StockAlarmFilter;
  StockCount: StockCountRowModel;
  StockCountConnection: Omit<Types.StockCountConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockCountEdge']> };
  StockCountEdge: Omit<Types.StockCountEdge, 'node'> & { node: ResolversParentTypes['StockCount'] };
  StockCountFilter: Types.StockCountFilter;
  StockCountLine: StockCountLineRowModel;
  StockLedgerMismatch: StockMismatchModel;
  StockLevel: StockLevelRowModel;
  StockLevelConnection: Omit<Types.StockLevelConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockLevelEdge']> };
  StockLevelEdge: Omit<Types.StockLevelEdge, 'node'> & { node: ResolversParentTypes['StockLevel'] };
  StockLevelFilter: Types.StockLevelFilter;
  StockMove: IStockMoveModel;
  StockMoveConnection: Omit<Types.StockMoveConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockMoveEdge']> };
  StockMoveEdge: Omit<Types.StockMoveEdge, 'node'> & { node: ResolversParentTypes['StockMove'] };
  StockMoveFilter: Types.StockMoveFilter;
  StockMovementSummary: StockMovementRowModel;
  StockReservation: { warehouseId: string; quantity: string };
  SupplierReturn: ISupplierReturnModel;
  SupplierReturnLine: ISupplierReturnLineModel;
  TopicLag: Types.TopicLag;
  Transfer: TransferRowModel;
  TransferConnection: Omit<Types.TransferConnection, 'edges'> & { edges: Array<ResolversParentTypes['TransferEdge']> };
  TransferEdge: Omit<Types.TransferEdge, 'node'> & { node: ResolversParentTypes['Transfer'] };
  TransferFilter: Types.TransferFilter;
  TransferLine: ITransferLineModel;
  TransferLineInput: Types.TransferLineInput;
  TransferStockInput: Types.TransferStockInput;
  UndeliveredOrderLine: UndeliveredLineRowModel;
  UndeliveredOrderLineConnection: Omit<Types.UndeliveredOrderLineConnection, 'edges'> & { edges: Array<ResolversParentTypes['UndeliveredOrderLineEdge']> };
  UndeliveredOrderLineEdge: Omit<Types.UndeliveredOrderLineEdge, 'node'> & { node: ResolversParentTypes['UndeliveredOrderLine'] };
  UndeliveredOrderLineFilter: Types.UndeliveredOrderLineFilter;
  UpdateProductInput: Types.UpdateProductInput;
  UpdateWarehouseInput: Types.UpdateWarehouseInput;
  Warehouse: IWarehouseModel;
  WarehouseConnection: Omit<Types.WarehouseConnection, 'edges'> & { edges: Array<ResolversParentTypes['WarehouseEdge']> };
  WarehouseEdge: Omit<Types.WarehouseEdge, 'node'> & { node: ResolversParentTypes['Warehouse'] };
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  requestId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CountImportResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CountImportResult'] = ResolversParentTypes['CountImportResult']> = {
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['StockCount'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['CountImportRowError']>, ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CountImportRowErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CountImportRowError'] = ResolversParentTypes['CountImportRowError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CustomerReturnResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerReturn'] = ResolversParentTypes['CustomerReturn']> = {
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CustomerReturnLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shipment?: Resolver<Types.Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type CustomerReturnLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerReturnLine'] = ResolversParentTypes['CustomerReturnLine']> = {
  condition?: Resolver<ResolversTypes['ReturnCondition'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], unknown> {
  name: 'DateTime';
}

export type DeadLetterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeadLetter'] = ResolversParentTypes['DeadLetter']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EventFailureKind'], ParentType, ContextType>;
  offset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partition?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Delivery'] = ResolversParentTypes['Delivery']> = {
  shipments?: Resolver<Array<ResolversTypes['Shipment']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeliveryStatus'], ParentType, ContextType>;
};

export type EventBusStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventBusStatus'] = ResolversParentTypes['EventBusStatus']> = {
  consumer?: Resolver<Types.Maybe<ResolversTypes['EventConsumerStatus']>, ParentType, ContextType>;
  kafkaEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  outboxOldestPendingAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  outboxPending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EventConsumerStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventConsumerStatus'] = ResolversParentTypes['EventConsumerStatus']> = {
  deadLetterTopic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deadLetteredSinceStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deadLettersInTopic?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lag?: Resolver<Types.Maybe<Array<ResolversTypes['TopicLag']>>, ParentType, ContextType>;
  recentDeadLetters?: Resolver<Array<ResolversTypes['DeadLetter']>, ParentType, ContextType>;
  transientRetries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitingOutReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  waitingOutSince?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ExpectedReceiptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpectedReceipt'] = ResolversParentTypes['ExpectedReceipt']> = {
  cancelled?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expectedDate?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  purchaseOrderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchaseOrderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stillExpected?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unitPrice?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type ExpectedReceiptConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpectedReceiptConnection'] = ResolversParentTypes['ExpectedReceiptConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExpectedReceiptEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ExpectedReceiptEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpectedReceiptEdge'] = ResolversParentTypes['ExpectedReceiptEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ExpectedReceipt'], ParentType, ContextType>;
};

export type FieldChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LoanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Loan'] = ResolversParentTypes['Loan']> = {
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  converted?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  expectedReturnDate?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LoanKind'], ParentType, ContextType>;
  lentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  overdueFlaggedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ownerId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['LoanState'], ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type LoanConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LoanConnection'] = ResolversParentTypes['LoanConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LoanEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type LoanEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LoanEdge'] = ResolversParentTypes['LoanEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Loan'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  adjustStock?: Resolver<ResolversTypes['StockMove'], ParentType, ContextType, RequireFields<Types.MutationAdjustStockArgs, 'input'>>;
  cancelStockCount?: Resolver<ResolversTypes['StockCount'], ParentType, ContextType, RequireFields<Types.MutationCancelStockCountArgs, 'countId'>>;
  convertLoan?: Resolver<ResolversTypes['Loan'], ParentType, ContextType, RequireFields<Types.MutationConvertLoanArgs, 'input'>>;
  createProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<Types.MutationCreateProductArgs, 'input'>>;
  createStockCount?: Resolver<ResolversTypes['StockCount'], ParentType, ContextType, RequireFields<Types.MutationCreateStockCountArgs, 'input'>>;
  createWarehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType, RequireFields<Types.MutationCreateWarehouseArgs, 'input'>>;
  deleteProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<Types.MutationDeleteProductArgs, 'id'>>;
  enterCountedQuantities?: Resolver<ResolversTypes['StockCount'], ParentType, ContextType, RequireFields<Types.MutationEnterCountedQuantitiesArgs, 'input'>>;
  flagOverdueLoans?: Resolver<Array<ResolversTypes['Loan']>, ParentType, ContextType>;
  importCountedQuantities?: Resolver<ResolversTypes['CountImportResult'], ParentType, ContextType, RequireFields<Types.MutationImportCountedQuantitiesArgs, 'input'>>;
  importProducts?: Resolver<ResolversTypes['ProductImportReport'], ParentType, ContextType, RequireFields<Types.MutationImportProductsArgs, 'input'>>;
  lendStock?: Resolver<ResolversTypes['Loan'], ParentType, ContextType, RequireFields<Types.MutationLendStockArgs, 'input'>>;
  markDelivered?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType, RequireFields<Types.MutationMarkDeliveredArgs, 'shipmentId'>>;
  markShipped?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType, RequireFields<Types.MutationMarkShippedArgs, 'shipmentId' | 'trackingNumber'>>;
  planShipment?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType, RequireFields<Types.MutationPlanShipmentArgs, 'input'>>;
  postStockCount?: Resolver<ResolversTypes['StockCount'], ParentType, ContextType, RequireFields<Types.MutationPostStockCountArgs, 'countId'>>;
  receiveGoods?: Resolver<ResolversTypes['Receipt'], ParentType, ContextType, RequireFields<Types.MutationReceiveGoodsArgs, 'input'>>;
  receiveReturn?: Resolver<ResolversTypes['CustomerReturn'], ParentType, ContextType, RequireFields<Types.MutationReceiveReturnArgs, 'input'>>;
  receiveStock?: Resolver<ResolversTypes['StockMove'], ParentType, ContextType, RequireFields<Types.MutationReceiveStockArgs, 'input'>>;
  receiveTransfer?: Resolver<ResolversTypes['Transfer'], ParentType, ContextType, RequireFields<Types.MutationReceiveTransferArgs, 'input'>>;
  restoreProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<Types.MutationRestoreProductArgs, 'id'>>;
  returnLoan?: Resolver<ResolversTypes['Loan'], ParentType, ContextType, RequireFields<Types.MutationReturnLoanArgs, 'input'>>;
  returnToSupplier?: Resolver<ResolversTypes['SupplierReturn'], ParentType, ContextType, RequireFields<Types.MutationReturnToSupplierArgs, 'input'>>;
  setReceiptTolerance?: Resolver<ResolversTypes['ReceiptSettings'], ParentType, ContextType, RequireFields<Types.MutationSetReceiptToleranceArgs, 'percent'>>;
  setStockRule?: Resolver<ResolversTypes['StockLevel'], ParentType, ContextType, RequireFields<Types.MutationSetStockRuleArgs, 'input'>>;
  shipShipment?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType, RequireFields<Types.MutationShipShipmentArgs, 'backorder' | 'shipmentId' | 'trackingNumber'>>;
  transferStock?: Resolver<ResolversTypes['Transfer'], ParentType, ContextType, RequireFields<Types.MutationTransferStockArgs, 'input'>>;
  updateProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<Types.MutationUpdateProductArgs, 'id' | 'input'>>;
  updateWarehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType, RequireFields<Types.MutationUpdateWarehouseArgs, 'id' | 'input'>>;
};

export type OrderLineStockResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderLineStock'] = ResolversParentTypes['OrderLineStock']> = {
  cancelled?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  reservations?: Resolver<Array<ResolversTypes['StockReservation']>, ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shipped?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  short?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toShip?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unplanned?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OutboundGroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OutboundGroup'] = ResolversParentTypes['OutboundGroup']> = {
  industry?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  month?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Types.Maybe<Array<ResolversTypes['Money']>>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  category?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.ProductHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  listPrice?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  mainPicture?: Resolver<Types.Maybe<ResolversTypes['ProductPicture']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pictures?: Resolver<Array<ResolversTypes['ProductPicture']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  specification?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  standardCost?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  stock?: Resolver<Array<ResolversTypes['StockLevel']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type ProductImportReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductImportReport'] = ResolversParentTypes['ProductImportReport']> = {
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  errorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['ProductImportRowError']>, ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ImportMode'], ParentType, ContextType>;
  rolledBack?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductImportRowErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductImportRowError'] = ResolversParentTypes['ProductImportRowError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductPictureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductPicture'] = ResolversParentTypes['ProductPicture']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  downloadPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  main?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  thumbnailPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uploadedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  expectedReceipts?: Resolver<ResolversTypes['ExpectedReceiptConnection'], ParentType, ContextType, Partial<Types.QueryExpectedReceiptsArgs>>;
  inventoryEventBus?: Resolver<ResolversTypes['EventBusStatus'], ParentType, ContextType>;
  loan?: Resolver<Types.Maybe<ResolversTypes['Loan']>, ParentType, ContextType, RequireFields<Types.QueryLoanArgs, 'id'>>;
  loans?: Resolver<ResolversTypes['LoanConnection'], ParentType, ContextType, Partial<Types.QueryLoansArgs>>;
  outboundSummary?: Resolver<Array<ResolversTypes['OutboundGroup']>, ParentType, ContextType, RequireFields<Types.QueryOutboundSummaryArgs, 'by' | 'from' | 'to'>>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<Types.QueryProductArgs, 'id'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, Partial<Types.QueryProductsArgs>>;
  receipt?: Resolver<Types.Maybe<ResolversTypes['Receipt']>, ParentType, ContextType, RequireFields<Types.QueryReceiptArgs, 'id'>>;
  receiptSettings?: Resolver<ResolversTypes['ReceiptSettings'], ParentType, ContextType>;
  receipts?: Resolver<ResolversTypes['ReceiptConnection'], ParentType, ContextType, Partial<Types.QueryReceiptsArgs>>;
  searchProducts?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<Types.QuerySearchProductsArgs, 'text'>>;
  shipment?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType, RequireFields<Types.QueryShipmentArgs, 'id'>>;
  shipments?: Resolver<ResolversTypes['ShipmentConnection'], ParentType, ContextType, Partial<Types.QueryShipmentsArgs>>;
  slowMovers?: Resolver<Array<ResolversTypes['SlowMover']>, ParentType, ContextType, RequireFields<Types.QuerySlowMoversArgs, 'days'>>;
  stockAlarms?: Resolver<ResolversTypes['StockAlarmConnection'], ParentType, ContextType, Partial<Types.QueryStockAlarmsArgs>>;
  stockCount?: Resolver<Types.Maybe<ResolversTypes['StockCount']>, ParentType, ContextType, RequireFields<Types.QueryStockCountArgs, 'id'>>;
  stockCounts?: Resolver<ResolversTypes['StockCountConnection'], ParentType, ContextType, Partial<Types.QueryStockCountsArgs>>;
  stockLedgerCheck?: Resolver<Array<ResolversTypes['StockLedgerMismatch']>, ParentType, ContextType>;
  stockLevels?: Resolver<ResolversTypes['StockLevelConnection'], ParentType, ContextType, Partial<Types.QueryStockLevelsArgs>>;
  stockMovementSummary?: Resolver<Array<ResolversTypes['StockMovementSummary']>, ParentType, ContextType, RequireFields<Types.QueryStockMovementSummaryArgs, 'from' | 'to'>>;
  stockMoves?: Resolver<ResolversTypes['StockMoveConnection'], ParentType, ContextType, Partial<Types.QueryStockMovesArgs>>;
  supplierReturn?: Resolver<Types.Maybe<ResolversTypes['SupplierReturn']>, ParentType, ContextType, RequireFields<Types.QuerySupplierReturnArgs, 'id'>>;
  supplierReturns?: Resolver<Array<ResolversTypes['SupplierReturn']>, ParentType, ContextType, Partial<Types.QuerySupplierReturnsArgs>>;
  transfer?: Resolver<Types.Maybe<ResolversTypes['Transfer']>, ParentType, ContextType, RequireFields<Types.QueryTransferArgs, 'id'>>;
  transfers?: Resolver<ResolversTypes['TransferConnection'], ParentType, ContextType, Partial<Types.QueryTransfersArgs>>;
  undeliveredOrderLines?: Resolver<ResolversTypes['UndeliveredOrderLineConnection'], ParentType, ContextType, Partial<Types.QueryUndeliveredOrderLinesArgs>>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType, RequireFields<Types.QueryWarehouseArgs, 'id'>>;
  warehouses?: Resolver<ResolversTypes['WarehouseConnection'], ParentType, ContextType, Partial<Types.QueryWarehousesArgs>>;
};

export type ReceiptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Receipt'] = ResolversParentTypes['Receipt']> = {
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ReceiptLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purchaseOrderId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  supplierId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type ReceiptConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceiptConnection'] = ResolversParentTypes['ReceiptConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ReceiptEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ReceiptEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceiptEdge'] = ResolversParentTypes['ReceiptEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Receipt'], ParentType, ContextType>;
};

export type ReceiptLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceiptLine'] = ResolversParentTypes['ReceiptLine']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  purchaseOrderLineId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stockMoveId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unitCost?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type ReceiptSettingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceiptSettings'] = ResolversParentTypes['ReceiptSettings']> = {
  overReceiptTolerance?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SalesOrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesOrder'] = ResolversParentTypes['SalesOrder'], FederationReferenceType extends FederationReferenceTypes['SalesOrder'] = FederationReferenceTypes['SalesOrder']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['SalesOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  delivery?: Resolver<ResolversTypes['Delivery'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stock?: Resolver<Array<ResolversTypes['OrderLineStock']>, ParentType, ContextType>;
};

export type ShipmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = {
  backorderOf?: Resolver<Types.Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
  carrier?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  deliveredAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deliveryNotePdfPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.ShipmentHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ShipmentLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  order?: Resolver<Types.Maybe<ResolversTypes['SalesOrder']>, ParentType, ContextType>;
  orderId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  plannedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  plannedFor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  returns?: Resolver<Array<ResolversTypes['CustomerReturn']>, ParentType, ContextType>;
  shippedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type ShipmentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShipmentConnection'] = ResolversParentTypes['ShipmentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ShipmentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ShipmentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShipmentEdge'] = ResolversParentTypes['ShipmentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType>;
};

export type ShipmentLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShipmentLine'] = ResolversParentTypes['ShipmentLine']> = {
  cancelled?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  shipped?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SlowMoverResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SlowMover'] = ResolversParentTypes['SlowMover']> = {
  lastOutboundAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  onHandQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  value?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type StockAlarmResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockAlarm'] = ResolversParentTypes['StockAlarm']> = {
  available?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recoveredAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reorderQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  safetyStock?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type StockAlarmConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockAlarmConnection'] = ResolversParentTypes['StockAlarmConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StockAlarmEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type StockAlarmEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockAlarmEdge'] = ResolversParentTypes['StockAlarmEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockAlarm'], ParentType, ContextType>;
};

export type StockCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockCount'] = ResolversParentTypes['StockCount']> = {
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  countedLines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  differenceValue?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['StockCountLine']>, ParentType, ContextType, Partial<Types.StockCountLinesArgs>>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  postedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['StockCountState'], ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type StockCountConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockCountConnection'] = ResolversParentTypes['StockCountConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StockCountEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type StockCountEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockCountEdge'] = ResolversParentTypes['StockCountEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockCount'], ParentType, ContextType>;
};

export type StockCountLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockCountLine'] = ResolversParentTypes['StockCountLine']> = {
  counted?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  difference?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  differenceValue?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  frozenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  onHandNow?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
};

export type StockLedgerMismatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockLedgerMismatch'] = ResolversParentTypes['StockLedgerMismatch']> = {
  onHand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sumOfMoves?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sumOfReservations?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
  warehouseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type StockLevelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockLevel'] = ResolversParentTypes['StockLevel']> = {
  available?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inTransit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  incoming?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  reorderQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  safetyStock?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type StockLevelConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockLevelConnection'] = ResolversParentTypes['StockLevelConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StockLevelEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type StockLevelEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockLevelEdge'] = ResolversParentTypes['StockLevelEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockLevel'], ParentType, ContextType>;
};

export type StockMoveResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMove'] = ResolversParentTypes['StockMove']> = {
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StockMoveKind'], ParentType, ContextType>;
  movedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  referenceId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  referenceType?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unitCost?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type StockMoveConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMoveConnection'] = ResolversParentTypes['StockMoveConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StockMoveEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type StockMoveEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMoveEdge'] = ResolversParentTypes['StockMoveEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockMove'], ParentType, ContextType>;
};

export type StockMovementSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMovementSummary'] = ResolversParentTypes['StockMovementSummary']> = {
  closingQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openingQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type StockReservationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockReservation'] = ResolversParentTypes['StockReservation']> = {
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type SupplierReturnResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierReturn'] = ResolversParentTypes['SupplierReturn']> = {
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['SupplierReturnLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purchaseOrderId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receipt?: Resolver<Types.Maybe<ResolversTypes['Receipt']>, ParentType, ContextType>;
  returnedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  supplierId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type SupplierReturnLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierReturnLine'] = ResolversParentTypes['SupplierReturnLine']> = {
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  purchaseOrderLineId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receiptLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stockMoveId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unitCost?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type TopicLagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopicLag'] = ResolversParentTypes['TopicLag']> = {
  lag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TransferResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Transfer'] = ResolversParentTypes['Transfer']> = {
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  fromWarehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['TransferLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shippedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['TransferState'], ParentType, ContextType>;
  toWarehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type TransferConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransferConnection'] = ResolversParentTypes['TransferConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TransferEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TransferEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransferEdge'] = ResolversParentTypes['TransferEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Transfer'], ParentType, ContextType>;
};

export type TransferLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransferLine'] = ResolversParentTypes['TransferLine']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inTransit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UndeliveredOrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UndeliveredOrderLine'] = ResolversParentTypes['UndeliveredOrderLine']> = {
  cancelledQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  confirmedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  deliveredQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderNumber?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orderedQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  reservedQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shortQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  undeliveredQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warehouse?: Resolver<Types.Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
};

export type UndeliveredOrderLineConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UndeliveredOrderLineConnection'] = ResolversParentTypes['UndeliveredOrderLineConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UndeliveredOrderLineEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UndeliveredOrderLineEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UndeliveredOrderLineEdge'] = ResolversParentTypes['UndeliveredOrderLineEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UndeliveredOrderLine'], ParentType, ContextType>;
};

export type WarehouseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Warehouse'] = ResolversParentTypes['Warehouse'], FederationReferenceType extends FederationReferenceTypes['Warehouse'] = FederationReferenceTypes['Warehouse']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Warehouse']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  address?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  allowNegativeStock?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.WarehouseHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WarehouseConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WarehouseConnection'] = ResolversParentTypes['WarehouseConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WarehouseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type WarehouseEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WarehouseEdge'] = ResolversParentTypes['WarehouseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  CountImportResult?: CountImportResultResolvers<ContextType>;
  CountImportRowError?: CountImportRowErrorResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerReturn?: CustomerReturnResolvers<ContextType>;
  CustomerReturnLine?: CustomerReturnLineResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  Delivery?: DeliveryResolvers<ContextType>;
  EventBusStatus?: EventBusStatusResolvers<ContextType>;
  EventConsumerStatus?: EventConsumerStatusResolvers<ContextType>;
  ExpectedReceipt?: ExpectedReceiptResolvers<ContextType>;
  ExpectedReceiptConnection?: ExpectedReceiptConnectionResolvers<ContextType>;
  ExpectedReceiptEdge?: ExpectedReceiptEdgeResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Loan?: LoanResolvers<ContextType>;
  LoanConnection?: LoanConnectionResolvers<ContextType>;
  LoanEdge?: LoanEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrderLineStock?: OrderLineStockResolvers<ContextType>;
  OutboundGroup?: OutboundGroupResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductImportReport?: ProductImportReportResolvers<ContextType>;
  ProductImportRowError?: ProductImportRowErrorResolvers<ContextType>;
  ProductPicture?: ProductPictureResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Receipt?: ReceiptResolvers<ContextType>;
  ReceiptConnection?: ReceiptConnectionResolvers<ContextType>;
  ReceiptEdge?: ReceiptEdgeResolvers<ContextType>;
  ReceiptLine?: ReceiptLineResolvers<ContextType>;
  ReceiptSettings?: ReceiptSettingsResolvers<ContextType>;
  SalesOrder?: SalesOrderResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShipmentConnection?: ShipmentConnectionResolvers<ContextType>;
  ShipmentEdge?: ShipmentEdgeResolvers<ContextType>;
  ShipmentLine?: ShipmentLineResolvers<ContextType>;
  SlowMover?: SlowMoverResolvers<ContextType>;
  StockAlarm?: StockAlarmResolvers<ContextType>;
  StockAlarmConnection?: StockAlarmConnectionResolvers<ContextType>;
  StockAlarmEdge?: StockAlarmEdgeResolvers<ContextType>;
  StockCount?: StockCountResolvers<ContextType>;
  StockCountConnection?: StockCountConnectionResolvers<ContextType>;
  StockCountEdge?: StockCountEdgeResolvers<ContextType>;
  StockCountLine?: StockCountLineResolvers<ContextType>;
  StockLedgerMismatch?: StockLedgerMismatchResolvers<ContextType>;
  StockLevel?: StockLevelResolvers<ContextType>;
  StockLevelConnection?: StockLevelConnectionResolvers<ContextType>;
  StockLevelEdge?: StockLevelEdgeResolvers<ContextType>;
  StockMove?: StockMoveResolvers<ContextType>;
  StockMoveConnection?: StockMoveConnectionResolvers<ContextType>;
  StockMoveEdge?: StockMoveEdgeResolvers<ContextType>;
  StockMovementSummary?: StockMovementSummaryResolvers<ContextType>;
  StockReservation?: StockReservationResolvers<ContextType>;
  SupplierReturn?: SupplierReturnResolvers<ContextType>;
  SupplierReturnLine?: SupplierReturnLineResolvers<ContextType>;
  TopicLag?: TopicLagResolvers<ContextType>;
  Transfer?: TransferResolvers<ContextType>;
  TransferConnection?: TransferConnectionResolvers<ContextType>;
  TransferEdge?: TransferEdgeResolvers<ContextType>;
  TransferLine?: TransferLineResolvers<ContextType>;
  UndeliveredOrderLine?: UndeliveredOrderLineResolvers<ContextType>;
  UndeliveredOrderLineConnection?: UndeliveredOrderLineConnectionResolvers<ContextType>;
  UndeliveredOrderLineEdge?: UndeliveredOrderLineEdgeResolvers<ContextType>;
  Warehouse?: WarehouseResolvers<ContextType>;
  WarehouseConnection?: WarehouseConnectionResolvers<ContextType>;
  WarehouseEdge?: WarehouseEdgeResolvers<ContextType>;
};

